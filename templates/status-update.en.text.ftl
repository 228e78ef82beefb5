<#switch status>
<#case "INVESTIGATING">Your report is now under investigation.<#break>
<#case "RESOLVED">We have finished working on your report.<#break>
<#case "REJECTED">After review, we will not pursue this report further.<#break>
<#case "CLOSED">Your report has been closed.<#break>
<#default>Your report is being reviewed.
</#switch>

Reference: ${reference}
<#if message?has_content>

A message from the monitoring team:
${message}
</#if>

To reply or add information, reply to this message and keep the reference in the subject line.

Your identity is kept confidential: the monitors never see your name or your email address.

The monitoring team
${organisation}

This message was sent by the monitoring team.
