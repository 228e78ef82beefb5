هیچ شتێک لە ڕاپۆرتی ${reference} نەگۆڕا، و هیچ شتێک بۆ ڕاپۆرتدەر نەنێردرا، چونکە:

<#list problems as problem>
- ${problem}
</#list>

فەرمانەکان ڕاست بکەرەوە و دووبارە وەڵام بدەوە. فەرمانەکان لە دێڕە یەکەمەکاندا، هەر دێڕێک یەک فەرمان:
#status triaged|investigating|resolved|rejected|closed    #assign me|<ناونیشان>
#category <ناو>    #priority low|normal|high|urgent    #note <دەقی ناوخۆیی>
#close resolved|rejected    #reject <هۆکار> [SHD-...]    #reopen
#actor <ناسنامە> [گرووپ]    #commitment <ناسنامە>    #verdict violation|no-violation|unverifiable    #severity low|medium|high
#escalate <پلاتفۆرم>    #platform-action removed|labelled|refused|none

${organisation}
