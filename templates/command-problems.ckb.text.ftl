هیچ شتێک لە ڕاپۆرتی ${reference} نەگۆڕا، و هیچ شتێک بۆ ڕاپۆرتدەر نەنێردرا، چونکە:

<#list problems as problem>
- ${problem}
</#list>

فەرمانەکان ڕاست بکەرەوە و دووبارە وەڵام بدەوە. فەرمانەکان لە دێڕە یەکەمەکاندا، هەر دێڕێک یەک فەرمان:
#status triaged|investigating|resolved|rejected|closed    #assign me|<address>
#category <name>    #priority low|normal|high|urgent    #note <internal text>
#close resolved|rejected    #reject <reason> [SHD-...]    #reopen
#actor <id> [group]    #commitment <id>    #verdict violation|no-violation|unverifiable    #severity low|medium|high
#escalate <platform>    #platform-action removed|labelled|refused|none

${organisation}
