[${reference}] <#if followUp>Follow-up<#elseif kind == "COMMENT">New comment<#else>New report</#if> from ${pseudonym} (${language})<#if reopened>, reopened</#if> ${macToken}
