using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreditKaizhou.Api.Infrastructure.Http;

/// <summary>The service's JSON settings over the web defaults, for requests and responses alike.</summary>
public static class ServiceJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        // Chinese as itself, not \uXXXX: a third of the size, and readable in logs and by integrators.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    /// <summary>The web defaults with <see cref="Configure"/> applied: what the service reads and writes with.</summary>
    public static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
