<#import "layout.html.ftl" as layout>
<@layout.page title="This case is closed">
<@layout.paragraph>Thank you for writing to us again.</@layout.paragraph>
<@layout.code label="Reference:" value=reference/>
<@layout.paragraph>This case is closed, and as promised the details that could identify its reporter have been deleted, so we cannot add your message to it.</@layout.paragraph>
<@layout.paragraph>If you have something new to report, please write a new message to <span dir="ltr">${mailbox}</span> without this reference in the subject. It will be received as a new report.</@layout.paragraph>
<@layout.signature team="The monitoring team" organisation=organisation automatic="This is an automatic message."/>
</@layout.page>
