To the trusted-partner team of ${platformName}:

The election monitoring body reports the following posts as harmful content under the
election code of conduct, and asks you to act on them quickly.

Posts:
<#list posts as post>
- ${post}
</#list>
<#if attached?has_content>

Attached: scrubbed copies of the evidence (SHA-256):
<#list attached as file>
- ${file.name} ${file.sha256}
</#list>
</#if>
<#if further?has_content>

Further scrubbed copies, available on request (SHA-256):
<#list further as sha256>
- ${sha256}
</#list>
</#if>

Please answer this mail keeping [${escalationReference}] in the subject, saying whether the content was removed,
labelled, or left up and why.

${organisation}
