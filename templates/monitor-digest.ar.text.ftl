مرحبًا ${monitorName}،

<#if assigned?has_content>
البلاغات المفتوحة المسندة إليك:
<#list assigned as ticket>
- ${ticket.reference}  ${ticket.status}  priority ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  since ${ticket.createdAt}
</#list>
<#else>
لا بلاغات مفتوحة مسندة إليك.
</#if>

<#if unassigned?has_content>
بلاغات غير مسندة أقدم من ${unassignedAfter}:
<#list unassigned as ticket>
- ${ticket.reference}  ${ticket.status}  priority ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  since ${ticket.createdAt}
</#list>
<#else>
لا بلاغات غير مسندة أقدم من ${unassignedAfter}.
</#if>

رُدّ على إشعار البلاغ بالأمر #assign me لتتولاه.

${organisation}
