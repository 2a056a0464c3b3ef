using Microsoft.AspNetCore.StaticFiles;

namespace CreditKaizhou.Api.Infrastructure.ClerkPage;

/// <summary>
/// The service-hall clerk's page: plain files from <c>wwwroot</c>, <c>/</c> answered by <c>index.html</c>.
/// The security headers go on those files only: the API answers JSON, and Swagger UI, served by its own
/// middleware, needs the inline script this policy forbids.
/// </summary>
public static class ClerkPageExtensions
{
    /// <summary>The empty document the page writes a printable report into.</summary>
    public const string ReportFrame = "/report-frame.html";

    /// <summary>Scripts, styles, images and fetches from the service itself and nothing else; no inline script.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The report frame holds the service's printable report, which carries its styles inline and its QR code
    /// as a <c>data:</c> image: those are allowed there, and nothing else — no script at all, nothing fetched.
    /// A frame written by the page keeps this policy; a <c>srcdoc</c> or <c>blob:</c> frame would inherit the
    /// page's, which refuses inline styles.
    /// </summary>
    public const string ReportFramePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static IApplicationBuilder UseClerkPage(this IApplicationBuilder app) => app
        .UseDefaultFiles()
        .UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = Utf8ContentTypes(),
            OnPrepareResponse = context => AddSecurityHeaders(context.Context),
        });

    /// <summary>The page's text files are UTF-8 Chinese: say so rather than leave the browser to guess.</summary>
    private static FileExtensionContentTypeProvider Utf8ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        foreach (var extension in new[] { ".html", ".css", ".js", ".svg" })
        {
            types.Mappings[extension] += "; charset=utf-8";
        }

        return types;
    }

    private static void AddSecurityHeaders(HttpContext http)
    {
        var headers = http.Response.Headers;
        var isReportFrame = http.Request.Path.Equals(ReportFrame, StringComparison.OrdinalIgnoreCase);
        headers.ContentSecurityPolicy = isReportFrame ? ReportFramePolicy : PagePolicy;
        headers.XFrameOptions = isReportFrame ? "SAMEORIGIN" : "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        // The page is small and changes with the service: always revalidate (a 304 costs next to nothing).
        headers.CacheControl = "no-cache";
    }
}
