سڵاو ${monitorName}،

<#if assigned?has_content>
ڕاپۆرتە کراوەکانی دراون بە تۆ:
<#list assigned as ticket>
- ${ticket.reference}  ${ticket.status}  priority ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  since ${ticket.createdAt}
</#list>
<#else>
هیچ ڕاپۆرتێکی کراوە نەدراوە بە تۆ.
</#if>

<#if unassigned?has_content>
ڕاپۆرتە بێ خاوەنەکانی کۆنتر لە ${unassignedAfter}:
<#list unassigned as ticket>
- ${ticket.reference}  ${ticket.status}  priority ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  since ${ticket.createdAt}
</#list>
<#else>
هیچ ڕاپۆرتێکی بێ خاوەنی کۆنتر لە ${unassignedAfter} نییە.
</#if>

وەڵامی ئاگادارکردنەوەی ڕاپۆرتێک بدەوە بە #assign me بۆ وەرگرتنی.

${organisation}
