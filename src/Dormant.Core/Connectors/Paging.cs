using System.Runtime.CompilerServices;
using Dormant.Core.Errors;

namespace Dormant.Core.Connectors;

/// <summary>The one paging loop: clients fetch single pages, this walks them and stops on a repeated token.</summary>
public static class Paging
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(string platform, Func<string?, CancellationToken, Task<Page<T>>> fetch,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await fetch(token, ct);
            foreach (var item in page.Items) yield return item;
            token = string.IsNullOrEmpty(page.Next) ? null : page.Next;
            if (token is not null && !seen.Add(token))
                throw new VendorException(platform, VendorErrorKind.Contract, null,
                    "the API returned the same page cursor twice; stopping instead of looping forever");
        } while (token is not null);
    }
}
