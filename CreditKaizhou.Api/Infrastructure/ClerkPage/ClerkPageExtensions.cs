namespace CreditKaizhou.Api.Infrastructure.ClerkPage;

/// <summary>
/// The service-hall clerk's page: plain files from <c>wwwroot</c>, <c>/</c> answered by <c>index.html</c>.
/// The security headers go on those files only: the API answers JSON, and Swagger UI, served by its own
/// middleware, needs the inline script this policy forbids.
/// </summary>
public static class ClerkPageExtensions
{
    /// <summary>
    /// Scripts, styles and fetches from the service itself and nothing else: no inline script, no
    /// third-party origin. Images may also be <c>data:</c> URLs, because the printable report shown in
    /// the page's frame inherits this policy and carries its QR code as one.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseClerkPage(this IApplicationBuilder app) => app
        .UseDefaultFiles()
        .UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => AddSecurityHeaders(context.Context.Response.Headers) });

    private static void AddSecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // The page is small and changes with the service: always revalidate (a 304 costs next to nothing).
        headers.CacheControl = "no-cache";
    }
}
