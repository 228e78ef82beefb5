Thank you for your comment or suggestion. Your message has been received.

Reference: ${reference}
<#if receiptCode?has_content>
Your receipt code: ${receiptCode}
</#if>
<#if files?has_content>

Your message was larger than we can receive, so these files did not reach us:
${files}

We have your text. Please send each file again in a separate reply to this message, keeping the reference in the subject line, each under 25 MB. A phone can usually shorten or compress a video before sending it.
<#if largeFilesChannel?has_content>

If a file cannot be made smaller, you can also send it this way: ${largeFilesChannel}
</#if>
</#if>

Please keep this reference. To add anything, reply to this message and keep the reference in the subject line. You can also write to ${mailbox} with the reference in the subject.
<#if receiptCode?has_content>

If you write from another email address, include the receipt code in your message so that we can add it to your earlier message. Keep the receipt code private.
</#if>

Your identity is kept confidential. The people who read comments and suggestions never see your name or your email address.

If you could be at risk, do not write to us from a device that other people can read.

The monitoring team
${organisation}

This is an automatic message.
