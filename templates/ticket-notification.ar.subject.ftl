[${reference}] <#if followUp>متابعة<#elseif kind == "COMMENT">تعليق جديد<#else>بلاغ جديد</#if> من ${pseudonym} (${language})<#if reopened>، أعيد فتحه</#if> ${macToken}
