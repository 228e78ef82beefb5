<#import "layout.html.ftl" as layout>
<@layout.page title="Your report was withdrawn">
<@layout.paragraph>Your report has been withdrawn, as you asked.</@layout.paragraph>
<@layout.code label="Reference:" value=reference/>
<@layout.paragraph>The monitors have been told, and we will not write to you about this report again. It is kept only as a withdrawn report and is not investigated further.</@layout.paragraph>
<@layout.paragraph>If you also want us to delete everything that could identify you, reply to this message with the single word erase on the first line.</@layout.paragraph>
<@layout.signature team="The monitoring team" organisation=organisation automatic="This is an automatic message."/>
</@layout.page>
