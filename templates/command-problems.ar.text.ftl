لم يتغير شيء في البلاغ ${reference}، ولم يُرسل شيء إلى المُبلّغ، للأسباب التالية:

<#list problems as problem>
- ${problem}
</#list>

صحّح الأوامر وأعد الرد. الأوامر في الأسطر الأولى، أمر في كل سطر:
#status triaged|investigating|resolved|rejected|closed    #assign me|<العنوان>
#category <الاسم>    #priority low|normal|high|urgent    #note <نص داخلي>
#close resolved|rejected    #reject <السبب> [SHD-...]    #reopen
#actor <المعرّف> [المجموعة]    #commitment <المعرّف>    #verdict violation|no-violation|unverifiable    #severity low|medium|high
#escalate <المنصة>    #platform-action removed|labelled|refused|none

${organisation}
