<#if followUp>أضاف المُبلّغ إلى البلاغ ${reference}<#if reopened>؛ وأعيد فتح البلاغ (الآن ${status})</#if>.<#else>وصل بلاغ جديد إلى ${mailbox}.</#if>

المرجع:     ${reference}
المُبلّغ:    ${pseudonym} (اسم مستعار؛ هوية المُبلّغ مختومة)
النوع:      ${kind}
اللغة:      ${language}
الحالة:     ${status}
<#if suggestedCategory?has_content>
التصنيف المقترح: ${suggestedCategory} (للتأكيد: #category ${suggestedCategory})
</#if>
<#if suggestedActor?has_content>
الجهة المقترحة:  ${suggestedActor}
</#if>
<#if registeredActor?has_content>
جهة مسجلة:     ${registeredActorName} (رابط مُبلّغ عنه من حساباتها؛ للتأكيد: #actor ${registeredActor})
</#if>
<#if commitments?has_content>
التزامات الفئة ${commitmentGroupName} (${commitmentGroup}; لتسجيل نتيجة: #commitment <المعرّف>):
<#list commitments as commitment>
  ${commitment.id}: ${commitment.text}
</#list>
</#if>
<#if linked?has_content>
بلاغات مرتبطة (الدليل نفسه): <#list linked as other>${other}<#sep>, </#list>
لإعطائها كلها حكمك ورسالتك أضف #cluster إلى #close أو #reject أو #status resolved/rejected.
</#if>

----- النص (نسخة عمل، دون الترويسات) -----
${text}
----- نهاية النص -----

<#if evidence?has_content>
الأدلة:
<#list evidence as file>
- <#if file.number?has_content>${file.number}. </#if>${file.fileName} (${file.type}, ${file.size} بايت) SHA-256 ${file.sha256}<#if file.note?has_content> [${file.note}]</#if>
<#if file.delivery?has_content>  <#if file.delivery == "attached">مرفق باسم ${file.attachedAs}<#elseif file.delivery == "on-request">غير مرفق (حجم الرسالة)؛ رُدّ بـ #evidence ${file.number} أو #evidence all<#elseif file.delivery == "too-large">أكبر مما تحمله رسالة واحدة (${file.detail} بايت)<#elseif file.delivery == "hostile-on-request">موسوم ${file.detail}: غير مرفق؛ رُدّ بـ #evidence ${file.number} hostile لتصلك نسخته المنقّاة<#elseif file.delivery == "hostile">موسوم ${file.detail}: لا يُسلَّم أبدًا<#elseif file.delivery == "not-kept">لم يُحفظ<#else>تعذّر صنع نسخة منقّاة منه</#if>
</#if>
<#list (file.renamed)![] as member>  في النسخة: ${member.copyName} = ${member.name}
</#list>
</#list>
<#else>
الأدلة: لا شيء
</#if>

رُدّ على هذه الرسالة للعمل على البلاغ. الأوامر في الأسطر الأولى:
#status triaged|investigating|resolved|rejected|closed    #assign me|<العنوان>
#category <الاسم>    #priority low|normal|high|urgent    #note <نص داخلي>
#close resolved|rejected    #reject <السبب> [SHD-...]    #reopen
النتائج: #actor <المعرّف> [المجموعة]    #commitment <المعرّف>    #verdict violation|no-violation|unverifiable
#severity low|medium|high    #escalate <المنصة>    #platform-action removed|labelled|refused|none
أي نص آخر تكتبه فوق الرسالة المقتبسة يُرسل إلى المُبلّغ بتوقيع "فريق المراقبة".
أبقِ المرجع والمفتاح في الموضوع.

${organisation}
