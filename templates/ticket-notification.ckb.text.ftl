<#if followUp>ڕاپۆرتدەر زیادی کرد بۆ ${reference}<#if reopened>؛ ڕاپۆرتەکە دووبارە کرایەوە (ئێستا ${status})</#if>.<#else>ڕاپۆرتێکی نوێ گەیشتە ${mailbox}.</#if>

ئاماژە:      ${reference}
ڕاپۆرتدەر:   ${pseudonym} (ناوی خوازراو؛ ناسنامەی ڕاپۆرتدەر مۆرکراوە)
جۆر:        ${kind}
زمان:       ${language}
دۆخ:        ${status}
<#if suggestedCategory?has_content>
پۆلی پێشنیارکراو: ${suggestedCategory} (بۆ پشتڕاستکردنەوە: #category ${suggestedCategory})
</#if>
<#if suggestedActor?has_content>
لایەنی پێشنیارکراو: ${suggestedActor}
</#if>
<#if registeredActor?has_content>
لایەنی تۆمارکراو: ${registeredActorName} (بەستەرێکی ڕاپۆرتکراو لە هەژمارەکانیەتی؛ بۆ پشتڕاستکردنەوە: #actor ${registeredActor})
</#if>
<#if commitments?has_content>
پابەندبوونەکانی گروپی ${commitmentGroupName} (${commitmentGroup}; بۆ تۆمارکردنی ئەنجام: #commitment <ناسنامە>):
<#list commitments as commitment>
  ${commitment.id}: ${commitment.text}
</#list>
</#if>
<#if linked?has_content>
ڕاپۆرتە بەستراوەکان (هەمان بەڵگە): <#list linked as other>${other}<#sep>, </#list>
بۆ دانی هەمان بڕیار و نامە بە هەموویان #cluster زیاد بکە بۆ #close یان #reject یان #status resolved/rejected.
</#if>

----- دەق (کۆپیی کار، بێ سەردێڕ) -----
${text}
----- کۆتایی دەق -----

<#if evidence?has_content>
بەڵگەکان:
<#list evidence as file>
- <#if file.number?has_content>${file.number}. </#if>${file.fileName} (${file.type}, ${file.size} بایت) SHA-256 ${file.sha256}<#if file.note?has_content> [${file.note}]</#if>
<#if file.delivery?has_content>  <#if file.delivery == "attached">هاوپێچ کراوە بە ناوی ${file.attachedAs}<#elseif file.delivery == "on-request">هاوپێچ نەکراوە (قەبارەی نامە)؛ وەڵام بدەوە بە #evidence ${file.number} یان #evidence all<#elseif file.delivery == "too-large">لەوە گەورەترە کە نامەیەک هەڵیبگرێت (${file.detail} بایت)<#elseif file.delivery == "hostile-on-request">نیشانکراوە بە ${file.detail}: هاوپێچ نەکراوە؛ بۆ کۆپییە پاککراوەکەی وەڵام بدەوە بە #evidence ${file.number} hostile<#elseif file.delivery == "hostile">نیشانکراوە بە ${file.detail}: هەرگیز نادرێت<#elseif file.delivery == "not-kept">هەڵنەگیراوە<#else>نەتوانرا کۆپییەکی پاککراوەی لێ دروست بکرێت</#if>
</#if>
<#list (file.renamed)![] as member>  لە کۆپییەکەدا: ${member.copyName} = ${member.name}
</#list>
</#list>
<#else>
بەڵگەکان: هیچ
</#if>

وەڵامی ئەم نامەیە بدەوە بۆ کارکردن لەسەر ڕاپۆرتەکە. فەرمانەکان لە دێڕە یەکەمەکاندا:
#status triaged|investigating|resolved|rejected|closed    #assign me|<ناونیشان>
#category <ناو>    #priority low|normal|high|urgent    #note <دەقی ناوخۆیی>
#close resolved|rejected    #reject <هۆکار> [SHD-...]    #reopen
ئەنجامەکان: #actor <ناسنامە> [گرووپ]    #commitment <ناسنامە>    #verdict violation|no-violation|unverifiable
#severity low|medium|high    #escalate <پلاتفۆرم>    #platform-action removed|labelled|refused|none
هەر دەقێکی تر کە لە سەرووی نامە وەرگیراوەکەوە دەینووسیت بۆ ڕاپۆرتدەر دەنێردرێت بە واژۆی "تیمی چاودێری".
ئاماژە و کلیلەکە لە بابەتەکەدا بهێڵەوە.

${organisation}
