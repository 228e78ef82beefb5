<#import "layout.html.ftl" as layout>
<@layout.page title="An update on your report">
<@layout.paragraph><#switch status><#case "INVESTIGATING">Your report is now under investigation.<#break><#case "RESOLVED">We have finished working on your report.<#break><#case "REJECTED">After review, we will not pursue this report further.<#break><#case "CLOSED">Your report has been closed.<#break><#default>Your report is being reviewed.</#switch></@layout.paragraph>
<@layout.code label="Reference:" value=reference/>
<#if message?has_content>
<@layout.paragraph>A message from the monitoring team:</@layout.paragraph>
<p dir="auto" style="margin:16px 0;white-space:pre-wrap;">${message}</p>
</#if>
<@layout.paragraph>To reply or add information, reply to this message and keep the reference in the subject line.</@layout.paragraph>
<@layout.paragraph>Your identity is kept confidential: the monitors never see your name or your email address.</@layout.paragraph>
<@layout.signature team="The monitoring team" organisation=organisation automatic="This message was sent by the monitoring team."/>
</@layout.page>
