using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// Keeps <c>application/problem+json</c> on ProblemDetails results (e.g. model-binding 400s) of controllers
/// that declare <c>[Produces("application/json")]</c>, which would otherwise relabel them. Runs after
/// <see cref="ProducesAttribute"/> (higher order).
/// </summary>
public sealed class ProblemContentTypeFilter : IResultFilter, IOrderedFilter
{
    public int Order => 1000;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: ProblemDetails } result)
        {
            result.ContentTypes.Clear();
            result.ContentTypes.Add("application/problem+json");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
