<#import "layout.html.ftl" as layout>
<@layout.page title="Your message was received">
<@layout.paragraph>Thank you for your comment or suggestion. Your message has been received.</@layout.paragraph>
<@layout.code label="Reference:" value=reference/>
<#if receiptCode?has_content>
<@layout.code label="Your receipt code:" value=receiptCode/>
</#if>
<#if files?has_content>
<@layout.paragraph>Your message was larger than we can receive, so these files did not reach us:<br><#list files?split("\n") as file><span dir="ltr">${file}</span><#sep><br></#sep></#list></@layout.paragraph>
<@layout.paragraph>We have your text. Please send each file again in a separate reply to this message, keeping the reference in the subject line, each under 25 MB. A phone can usually shorten or compress a video before sending it.</@layout.paragraph>
<#if largeFilesChannel?has_content>
<@layout.paragraph>If a file cannot be made smaller, you can also send it this way: <span dir="ltr">${largeFilesChannel}</span></@layout.paragraph>
</#if>
</#if>
<@layout.paragraph>Please keep this reference. To add anything, reply to this message and keep the reference in the subject line. You can also write to <span dir="ltr">${mailbox}</span> with the reference in the subject.</@layout.paragraph>
<#if receiptCode?has_content>
<@layout.paragraph>If you write from another email address, include the receipt code in your message so that we can add it to your earlier message. Keep the receipt code private.</@layout.paragraph>
</#if>
<@layout.paragraph>Your identity is kept confidential. The people who read comments and suggestions never see your name or your email address.</@layout.paragraph>
<@layout.paragraph>If you could be at risk, do not write to us from a device that other people can read.</@layout.paragraph>
<@layout.signature team="The monitoring team" organisation=organisation automatic="This is an automatic message."/>
</@layout.page>
