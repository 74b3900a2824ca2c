using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ResMonitor.Web.Features.Import;

/// <summary>
/// The upload's size limits, set before anything reads the form (the form token check reads it too): the server's
/// request limit and the form's limit become the import limit plus room for the form. A larger upload is read to
/// its end and thrown away (up to <see cref="DrainFactor"/> times the limit), so that the browser gets the page with
/// the Dutch message instead of a broken connection, and is then sent back to the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const int DrainFactor = 4;

    /// <summary>Before the form token check (order 1000), like [RequestSizeLimit].</summary>
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var limit = ImportSettings.From(http.RequestServices.GetRequiredService<IConfiguration>()).MaxFileBytes + ImportSettings.FormOverhead;
        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (http.Request.ContentLength > limit)
        {
            if (size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = null;
            }

            var buffer = new byte[1 << 16];
            long drained = 0;
            int read;
            while (drained < limit * DrainFactor && (read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                drained += read;
            }

            context.Result = new RedirectResult(http.Request.Path + "?te-groot=" + http.Request.ContentLength, permanent: false) { };
            return;
        }

        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
