مرحبًا ${monitorName}،

<#if assigned?has_content>
البلاغات المفتوحة المسندة إليك:
<#list assigned as ticket>
- ${ticket.reference}  ${ticket.status}  الأولوية ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  منذ ${ticket.createdAt}<#if ticket.actor?has_content>  الجهة ${ticket.actor}</#if>
</#list>
<#else>
لا بلاغات مفتوحة مسندة إليك.
</#if>

<#if unassigned?has_content>
بلاغات غير مسندة أقدم من ${unassignedAfter}: ${unassignedTotal}
<#list unassigned as ticket>
- ${ticket.reference}  ${ticket.status}  الأولوية ${ticket.priority}  <#if ticket.category?has_content>${ticket.category}  </#if>${ticket.language}  منذ ${ticket.createdAt}<#if ticket.actor?has_content>  الجهة ${ticket.actor}</#if>
</#list>
<#else>
لا بلاغات غير مسندة أقدم من ${unassignedAfter}.
</#if>

<#if unassignedNotListed?? && unassignedNotListed gt 0>
... و${unassignedNotListed} بلاغًا آخر بلا مسؤول غير مدرج هنا: الأمر `tickets` على الخادم يعرضها كلها.

</#if>
<#if heldBack?has_content>
بلاغات لم تُشعَر بها، لأن مرسلها بعث في ساعة واحدة أكثر مما يسمح به حد الإشعارات
(اطلبها من المسؤول، أو انتظر متابعة):
<#list heldBack as reference>
- ${reference}
</#list>

</#if>
<#if breaches?has_content>
بلاغات مفتوحة تجاوزت مستوى الخدمة (monitoring/service-levels.yaml):
<#list breaches as breach>
- ${breach.reference}  <#if breach.measure == "first action">أول إجراء<#else>الحل</#if> متأخر
</#list>

</#if>
<#if commitmentMenus?has_content>
التزامات الجهات المسمّاة في نتائج هذه البلاغات (لتسجيل أحدها: #commitment <المعرّف>):
<#list commitmentMenus as menu>
${menu.groupName} (${menu.group}):
<#list menu.commitments as commitment>
  ${commitment.id}: ${commitment.text}
</#list>
</#list>

</#if>
رُدّ على إشعار البلاغ بالأمر #assign me لتتولاه.

${organisation}
