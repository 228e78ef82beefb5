<#import "layout.html.ftl" as layout>
<@layout.page title="ڕاپۆرتەکەت گەیشت">
<@layout.paragraph>سوپاس. ڕاپۆرتەکەت گەیشت.</@layout.paragraph>
<@layout.code label="ژمارەی ئاماژە:" value=reference/>
<#if receiptCode?has_content>
<@layout.code label="کۆدی پسوولەکەت:" value=receiptCode/>
</#if>
<#if files?has_content>
<@layout.paragraph>نامەکەت لەوە گەورەتر بوو کە بتوانین وەریبگرین، بۆیە ئەم فایلانە پێمان نەگەیشتن:<br><#list files?split("\n") as file><span dir="ltr">${file}</span><#sep><br></#sep></#list></@layout.paragraph>
<@layout.paragraph>دەقی نامەکەت گەیشت. تکایە هەر فایلێک جارێکی تر لە وەڵامێکی جیادا بۆ ئەم نامەیە بنێرەوە و ژمارەی ئاماژەکە لە دێڕی بابەتدا بهێڵەرەوە، هەر فایلێک کەمتر لە 25 مێگابایت بێت. زۆرجار دەتوانیت ڤیدیۆکە لە مۆبایلەکەتدا کورت یان بچووک بکەیتەوە پێش ناردنی.</@layout.paragraph>
<#if largeFilesChannel?has_content>
<@layout.paragraph>ئەگەر ناتوانیت فایلێک بچووک بکەیتەوە، دەتوانیت بەم ڕێگەیەش بینێریت: <span dir="ltr">${largeFilesChannel}</span></@layout.paragraph>
</#if>
</#if>
<@layout.paragraph>تکایە ئەم ژمارەی ئاماژەیە بپارێزە، چونکە بەهۆیەوە ڕاپۆرتەکەت دەدۆزینەوە.</@layout.paragraph>
<@layout.paragraph>بۆ زیادکردنی زانیاری یان بەڵگە، وەڵامی ئەم نامەیە بدەرەوە و ژمارەی ئاماژەکە لە دێڕی بابەتدا بهێڵەرەوە. هەروەها دەتوانیت بۆ <span dir="ltr">${mailbox}</span> بنووسیت و ژمارەی ئاماژەکە لە بابەتەکەدا دابنێیت.</@layout.paragraph>
<#if receiptCode?has_content>
<@layout.paragraph>ئەگەر لە ناونیشانێکی ئیمەیڵی ترەوە بۆمان دەنووسیت، کۆدی پسوولەکە لە نامەکەتدا بنووسە بۆ ئەوەی بتوانین بیخەینە سەر ڕاپۆرتەکەت. کۆدی پسوولەکە لای خۆت بپارێزە و بە کەسی مەدە.</@layout.paragraph>
</#if>
<@layout.paragraph>ناسنامەکەت بە نهێنی دەپارێزرێت. ئەو چاودێرانەی ڕاپۆرتەکان هەڵدەسەنگێنن هەرگیز ناو و ناونیشانی ئیمەیڵەکەت نابینن.</@layout.paragraph>
<@layout.paragraph>ڕاپۆرتەکەت لە ژێر دەستی خۆتدایە. وەڵامی ئەم نامەیە بدەرەوە و لە دێڕی یەکەمدا تەنها یەک وشە بنووسە: «کشانەوە» بۆ کشاندنەوەی ڕاپۆرتەکە، یان «سڕینەوە» بۆ ئەوەی هەموو ئەو شتانە بسڕینەوە کە دەتوانن ناسنامەت ئاشکرا بکەن (ناونیشانەکەت، نامە ڕەسەنەکەت و کۆدی پسوولەکە). هەر داوایەک بە یەک دوایین نامە پشتڕاست دەکەینەوە. وشە ئینگلیزییەکانی withdraw و erase-یش وەردەگیرێن.</@layout.paragraph>
<@layout.paragraph>ئەگەر لەوانەیە تووشی مەترسی ببیت، لە ئامێرێکەوە بۆمان مەنووسە کە کەسانی تر دەتوانن بیخوێننەوە، و دوای تۆمارکردنی ژمارەی ئاماژەکە لە شوێنێکی پارێزراودا، ئەم نامەیە بسڕەوە.</@layout.paragraph>
<@layout.signature team="تیمی چاودێری" organisation=organisation automatic="ئەمە نامەیەکی خۆکارە."/>
</@layout.page>
