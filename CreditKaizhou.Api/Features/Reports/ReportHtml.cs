using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Features.Subjects;
using CreditKaizhou.Domain.Catalogue;
using QRCoder;

namespace CreditKaizhou.Api.Features.Reports;

/// <summary>
/// The printable report (A4, Chinese) and the small page a phone shows after scanning its QR code. Everything is
/// inline — styles and the QR image — so the page prints the same with no network and loads nothing from outside.
/// </summary>
public static class ReportHtml
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private const string Style = """
        @page { size: A4; margin: 16mm 14mm 18mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #111; margin: 0; font-size: 10.5pt; line-height: 1.5; }
        .page { max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
        header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #8b0000; padding-bottom: 4mm; }
        h1 { font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 2mm; color: #8b0000; }
        h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-left: 2mm; border-left: 4px solid #8b0000; break-after: avoid; }
        .meta { font-size: 9.5pt; margin: 0; }
        .meta dt { float: left; clear: left; width: 6.5em; color: #444; }
        .meta dd { margin: 0 0 0 6.5em; }
        #report-number { font-family: "Noto Sans Mono", monospace; font-weight: bold; }
        .qr { text-align: center; font-size: 8pt; color: #444; width: 34mm; }
        #report-qr { width: 32mm; height: 32mm; image-rendering: pixelated; }
        table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; font-size: 9.5pt; }
        th, td { border: 1px solid #999; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; font-weight: normal; width: 24%; }
        tr { break-inside: avoid; }
        .none { color: #666; margin: 1mm 0 2mm; }
        .black { color: #8b0000; font-weight: bold; }
        .red { color: #b22222; }
        .fields { font-size: 8.5pt; color: #333; }
        footer { margin-top: 8mm; border-top: 1px solid #999; padding-top: 3mm; font-size: 8.5pt; color: #444; }
        @media print { .page { padding: 0; } a { color: inherit; text-decoration: none; } }
        """;

    public static string Report(ReportContent report, string contentHash, string? verificationCode, string verifyUrl)
    {
        var html = new StringBuilder(16_384);
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>信用报告 {E(report.ReportNumber)}</title><style>{Style}</style></head>
            <body><div class="page">
            <header><div><h1>公共信用信息报告</h1>
            <dl class="meta">
            <dt>报告编号</dt><dd id="report-number">{E(report.ReportNumber)}</dd>
            <dt>出具时间</dt><dd>{Time(report.IssuedAt)}</dd>
            <dt>出具窗口</dt><dd>{E(report.IssuingWindow)}</dd>
            <dt>申请人</dt><dd>{E(report.Requester.Name)}{(report.Requester.IdNumber is { } id ? $"（身份证号码 {E(id)}）" : "")}</dd>
            <dt>查询目的</dt><dd>{E(report.Purpose)}</dd>
            <dt>信息范围</dt><dd>{E(report.Disclosure)}{(report.Authorised ? "（经信用主体授权）" : "")}</dd>
            {(verificationCode is null ? "" : $"<dt>验证码</dt><dd id=\"report-code\">{E(verificationCode)}</dd>")}
            </dl></div>
            <div class="qr"><img id="report-qr" alt="报告验证二维码" src="data:image/png;base64,{Qr(verifyUrl)}"><br>扫码核验报告真伪</div>
            </header>
            """);
        foreach (var section in report.Sections)
        {
            html.Append($"<section><h2>{E(section.Title)}</h2>");
            if (section.Key == "basic")
            {
                Identity(html, report.Subject);
            }

            Listings(html, section.Listings);
            Incentives(html, section.Incentives);
            Records(html, section.Records, report.FieldNames);
            if (section.Key != "basic" && section.Listings.Count == 0 && section.Incentives.Count == 0 && section.Records.Count == 0)
            {
                html.Append("<p class=\"none\">无</p>");
            }

            html.Append("</section>");
        }

        html.Append($"""
            <footer>
            <p>本报告依据{E(report.AsOf.ToString("yyyy年M月d日", CultureInfo.InvariantCulture))}信用开州平台归集的公共信用信息出具，仅反映出具时点的信息，仅供申请人用于所述查询目的。</p>
            <p>核验：扫描右上角二维码，或访问 {E(verifyUrl.Split('?')[0])} 并输入报告验证码。内容摘要（SHA-256）：<span style="font-family:monospace">{E(contentHash)}</span></p>
            </footer>
            </div></body></html>
            """);
        return html.ToString();
    }

    /// <summary>
    /// What a phone shows after scanning: genuine or not, with the subject's name and the issue time only; without a
    /// result (no code given yet), a form asking for the code printed on the report.
    /// </summary>
    public static string Verification(string number, VerifyReportResponse? result)
    {
        var body = result is null
            ? $"<p>报告编号 {E(number)}</p><form method=\"get\"><label>验证码 <input name=\"code\" autocomplete=\"off\" "
                + "autocapitalize=\"characters\" required maxlength=\"20\"></label> <button type=\"submit\">核验</button></form>"
            : result.Genuine
            ? $"<p class=\"ok\">✔ 报告真实有效</p><dl><dt>报告编号</dt><dd>{E(number)}</dd><dt>信用主体</dt><dd>{E(result.SubjectName!)}</dd>"
                + $"<dt>出具时间</dt><dd>{Time(result.IssuedAt!.Value)}</dd></dl>"
            : $"<p class=\"bad\">✘ 无法核验</p><p>报告编号 {E(number)} 与验证码不匹配，或该报告不存在。请核对纸质报告上的编号和验证码。</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>信用报告核验</title><style>
            body {"{"} font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; padding: 6vw; font-size: 17px; color: #111; {"}"}
            h1 {"{"} font-size: 20px; margin: 0 0 16px; {"}"} .ok {"{"} color: #1b6e20; font-size: 24px; font-weight: bold; {"}"}
            .bad {"{"} color: #8b0000; font-size: 24px; font-weight: bold; {"}"} dt {"{"} color: #555; margin-top: 10px; {"}"} dd {"{"} margin: 0; font-size: 19px; {"}"}
            </style></head><body><h1>信用开州 · 信用报告核验</h1>{body}</body></html>
            """;
    }

    private static void Identity(StringBuilder html, ReportSubject s)
    {
        html.Append("<table>");
        Row(html, s.Type == "person" ? "身份证号码" : "统一社会信用代码", s.Code);
        Row(html, "名称", s.Name);
        Row(html, "主体类型", SubjectTypeCodes.TryParse(s.Type, out var type) ? type.ChineseName() : s.Type);
        Row(html, "登记状态", s.Status == "active" ? "存续" : "注销");
        if (s.FormerNames.Count > 0)
        {
            Row(html, "曾用名", string.Join("；", s.FormerNames.Select(n => $"{n.Name}（{n.ValidFrom:yyyy-MM-dd} 起）")));
        }

        html.Append("</table>");
    }

    private static void Listings(StringBuilder html, IReadOnlyList<SubjectListResponse> listings)
    {
        foreach (var l in listings)
        {
            html.Append($"<table><tr><th>名单</th><td class=\"{(l.Colour == "black" ? "black" : "red")}\">{E(l.ListName)}</td></tr>");
            Row(html, "列入期间", $"{l.From:yyyy-MM-dd} 至 {(l.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—")}");
            html.Append("</table>");
        }
    }

    private static void Incentives(StringBuilder html, IReadOnlyList<SubjectIncentiveResponse> incentives)
    {
        foreach (var i in incentives)
        {
            html.Append("<table>");
            Row(html, "激励措施", i.Measure);
            Row(html, "依据", i.LegalBasis);
            html.Append("</table>");
        }
    }

    private static void Records(StringBuilder html, IReadOnlyList<SubjectRecordResponse> records,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> fieldNames)
    {
        foreach (var r in records)
        {
            html.Append("<table>");
            Row(html, "信息项", $"{r.CatalogueName}（{r.Category}）");
            Row(html, "提供单位", r.DepartmentName);
            Row(html, "决定日期", r.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (r.EffectiveTo is { } to)
            {
                Row(html, "有效期", $"{r.EffectiveFrom:yyyy-MM-dd} 至 {to:yyyy-MM-dd}");
            }

            html.Append($"<tr><th>内容</th><td class=\"fields\">{Fields(r.Fields, fieldNames.GetValueOrDefault(r.CatalogueCode))}</td></tr></table>");
        }
    }

    private static string Fields(JsonElement fields, IReadOnlyDictionary<string, string>? names) =>
        fields.ValueKind != JsonValueKind.Object ? "" : string.Join("；", fields.EnumerateObject().Select(p =>
            $"{E(names?.GetValueOrDefault(p.Name) ?? p.Name)}：{E(p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.True => "是",
                JsonValueKind.False => "否",
                _ => p.Value.GetRawText(),
            })}"));

    private static void Row(StringBuilder html, string label, string value) => html.Append($"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>");

    private static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy年M月d日 HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）";

    private static string Qr(string text) =>
        Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 6));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
