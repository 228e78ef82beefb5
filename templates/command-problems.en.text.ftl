Nothing was changed on ticket ${reference}, and nothing was sent to the reporter, because:

<#list problems as problem>
- ${problem}
</#list>

Correct the commands and reply again. Commands go in the first lines, one per line:
#status triaged|investigating|resolved|rejected|closed    #assign me|<address>
#category <name>    #priority low|normal|high|urgent    #note <internal text>
#close resolved|rejected    #reject <reason> [SHD-...]    #reopen
#actor <id> [group]    #commitment <id>    #verdict violation|no-violation|unverifiable    #severity low|medium|high
#escalate <platform>    #platform-action removed|labelled|refused|none

${organisation}
