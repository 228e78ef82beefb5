لم يتغير شيء في البلاغ ${reference}، ولم يُرسل شيء إلى المُبلّغ، للأسباب التالية:

<#list problems as problem>
- ${problem}
</#list>

صحّح الأوامر وأعد الرد. الأوامر في الأسطر الأولى، أمر في كل سطر:
#status triaged|investigating|resolved|rejected|closed    #assign me|<address>
#category <name>    #priority low|normal|high|urgent    #note <internal text>
#close resolved|rejected    #reject <reason> [SHD-...]    #reopen
#actor <id> [group]    #commitment <id>    #verdict violation|no-violation|unverifiable    #severity low|medium|high
#escalate <platform>    #platform-action removed|labelled|refused|none

${organisation}
