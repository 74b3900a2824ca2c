using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ResMonitor.Core;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// Every posted form of the site against <see cref="TextRule"/>, before any page handles it: a field holding a
/// control character (other than tab and line break) is refused with a Dutch 400 page that names the field, and
/// nothing is stored. The API and the command line check the same rule through the Core validators.
/// </summary>
public sealed class FormTextFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // Not again on the error page that shows the refusal (it is re-executed with the same form).
        if (!HttpMethods.IsGet(request.Method) && request.HasFormContentType
            && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                foreach (var value in values)
                {
                    if (value is not null && TextRule.FirstForbidden(value) is var at and >= 0)
                    {
                        var field = TextRule.IsAllowed(key) ? key : "?";
                        BadQuery.Remember(context.HttpContext, field,
                            TextRule.Message($"Het veld '{field}'", value[at], at) + " Er is niets opgeslagen.",
                            $"The field '{field}' holds a character that is not allowed (U+{(int)value[at]:X4}) at position {at + 1}. " +
                            "Only tab and line break are allowed as control characters. Nothing was saved.");
                        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                        return;
                    }
                }
            }
        }

        await next();
    }
}
