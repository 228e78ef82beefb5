<#--
  Shared frame for every acknowledgement's HTML part. Privacy rules (checked when Shahid starts):
  inline styles only, no images, no remote fonts or stylesheets, no scripts, links only as mailto:.
  languageCode and direction come from the data model, so Arabic and Kurdish mail is dir="rtl".
-->
<#macro page title>
<!DOCTYPE html>
<html lang="${languageCode}" dir="${direction}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="max-width:560px;margin:0 auto;padding:24px 20px;background-color:#ffffff;color:#1f2937;font-family:system-ui,'Segoe UI',Tahoma,Arial,sans-serif;font-size:16px;line-height:1.7;text-align:${(direction == "rtl")?then("right", "left")};">
<#nested>
</div>
</body>
</html>
</#macro>

<#-- A labelled code (reference, receipt code). dir="ltr" keeps SHD-… in one piece inside right-to-left text. -->
<#macro code label value>
<p style="margin:0 0 8px 0;">${label} <span dir="ltr" style="display:inline-block;padding:2px 8px;border:1px solid #d1d5db;border-radius:4px;background-color:#f9fafb;font-family:monospace;font-size:17px;letter-spacing:1px;">${value}</span></p>
</#macro>

<#macro paragraph>
<p style="margin:16px 0;"><#nested></p>
</#macro>

<#macro signature team organisation automatic>
<p style="margin:24px 0 0 0;">${team}<br>${organisation}</p>
<p style="margin:16px 0 0 0;font-size:13px;color:#6b7280;">${automatic}</p>
</#macro>
