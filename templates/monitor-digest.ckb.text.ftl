سڵاو ${monitorName}،

<#if assigned?has_content>
ڕاپۆرتە کراوەکانی دراون بە تۆ:
<#list assigned as ticket>
- ${ticket.reference}  ${ticket.status}  پێشینە ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  تۆمارکراو لە ${ticket.createdAt}<#if ticket.actor?has_content>  لایەن ${ticket.actor}</#if>
</#list>
<#else>
هیچ ڕاپۆرتێکی کراوە نەدراوە بە تۆ.
</#if>

<#if unassigned?has_content>
ڕاپۆرتە بێ خاوەنەکانی کۆنتر لە ${unassignedAfter}: ${unassignedTotal}
<#list unassigned as ticket>
- ${ticket.reference}  ${ticket.status}  پێشینە ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  تۆمارکراو لە ${ticket.createdAt}<#if ticket.actor?has_content>  لایەن ${ticket.actor}</#if>
</#list>
<#else>
هیچ ڕاپۆرتێکی بێ خاوەنی کۆنتر لە ${unassignedAfter} نییە.
</#if>

<#if unassignedNotListed?? && unassignedNotListed gt 0>
... و ${unassignedNotListed} ڕاپۆرتی بێ خاوەنی تر کە لێرە نەنووسراون: فەرمانی `tickets` لە ڕاژەکەدا هەموویان پیشان دەدات.

</#if>
<#if heldBack?has_content>
ئەم ڕاپۆرتانە ئاگادارت نەکرایەوە، چونکە نێرەرەکەیان لە یەک کاتژمێردا زیاتر لە سنووری ئاگادارکردنەوە نامەی ناردووە
(لە بەڕێوەبەر داوایان بکە، یان چاوەڕێی بەدواداچوونێک بکە):
<#list heldBack as reference>
- ${reference}
</#list>

</#if>
<#if breaches?has_content>
ڕاپۆرتە کراوەکان کە ئاستی خزمەتگوزارییان تێپەڕاندووە (monitoring/service-levels.yaml):
<#list breaches as breach>
- ${breach.reference}  <#if breach.measure == "first action">یەکەم کار<#else>چارەسەرکردن</#if> دواکەوتووە
</#list>

</#if>
<#if commitmentMenus?has_content>
پابەندبوونەکانی ئەو لایەنانەی لە ئەنجامەکانی ئەم ڕاپۆرتانەدا ناویان هاتووە (بۆ تۆمارکردنی یەکێکیان: #commitment <ناسنامە>):
<#list commitmentMenus as menu>
${menu.groupName} (${menu.group}):
<#list menu.commitments as commitment>
  ${commitment.id}: ${commitment.text}
</#list>
</#list>

</#if>
وەڵامی ئاگادارکردنەوەی ڕاپۆرتێک بدەوە بە #assign me بۆ وەرگرتنی.

${organisation}
