[${reference}] <#if followUp>بەدواداچوون<#elseif kind == "COMMENT">تێبینی نوێ<#else>ڕاپۆرتی نوێ</#if> لە ${pseudonym} (${language})<#if reopened>، دووبارە کرایەوە</#if> ${macToken}
