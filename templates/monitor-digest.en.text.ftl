Hello ${monitorName},

<#if assigned?has_content>
Open tickets assigned to you:
<#list assigned as ticket>
- ${ticket.reference}  ${ticket.status}  priority ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  since ${ticket.createdAt}<#if ticket.actor?has_content>  actor ${ticket.actor}</#if>
</#list>
<#else>
No open tickets are assigned to you.
</#if>

<#if unassigned?has_content>
Unassigned tickets older than ${unassignedAfter}: ${unassignedTotal}<#if unassignedNotListed gt 0> (the oldest ${unassigned?size} are listed; ${unassignedNotListed} more are not)</#if>
<#list unassigned as ticket>
- ${ticket.reference}  ${ticket.status}  priority ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  since ${ticket.createdAt}<#if ticket.actor?has_content>  actor ${ticket.actor}</#if>
</#list>
<#if unassignedNotListed gt 0>
... and ${unassignedNotListed} more unassigned tickets not listed here: `tickets` on the server lists them all.
</#if>
<#else>
No unassigned tickets older than ${unassignedAfter}.
</#if>

<#if heldBack?has_content>
Tickets you were not notified of, because their sender sent more mail in one hour than the notification limit
allows (ask the admin for them, or wait for a follow-up):
<#list heldBack as reference>
- ${reference}
</#list>

</#if>
<#if breaches?has_content>
Open tickets that missed a service level (monitoring/service-levels.yaml):
<#list breaches as breach>
- ${breach.reference}  ${breach.measure} overdue
</#list>

</#if>
<#if commitmentMenus?has_content>
Commitments of the actors named in these tickets' findings (record one with #commitment <id>):
<#list commitmentMenus as menu>
${menu.groupName} (${menu.group}):
<#list menu.commitments as commitment>
  ${commitment.id}: ${commitment.text}
</#list>
</#list>

</#if>
Reply to a ticket's notification with #assign me to take it.

${organisation}
