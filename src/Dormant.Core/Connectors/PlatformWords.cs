namespace Dormant.Core.Connectors;

/// <summary>
/// How a platform names what a person reads about its accounts, so Dormant speaks the words of the
/// platform's own admin console instead of one platform's words for all of them.
/// </summary>
/// <param name="Inactive">The status of an account that exists but cannot sign in, e.g. "disabled".</param>
/// <param name="HasProducts">Whether activity is told per product, so "any product" means something.</param>
/// <param name="Scope">
/// What a scan does not see, when it does not see everything: accounts left out (which ones it
/// considers) or activity the platform does not keep; said in the scan's, plan's and report's header. Null: nothing left out.
/// </param>
public sealed record PlatformWords(string Inactive, bool HasProducts, string? Scope = null)
{
    /// <summary>For what no platform speaks for: a stored run of a platform this build does not know, the policy's own tests.</summary>
    public static PlatformWords Neutral { get; } = new("inactive", HasProducts: false);

    /// <summary>" in NAME" for a named product, " in any product", or nothing where one signal covers the whole platform.</summary>
    public string ActivityIn(string? product) =>
        product is not null ? $" in {product}" : HasProducts ? " in any product" : "";

    /// <summary>What the policy reads activity from, for a header: the product, "any product", or the signal.</summary>
    public string ActivityFrom(string? product, string? signal) =>
        product ?? (HasProducts ? "any product" : signal is null ? "all activity" : $"{signal} activity");
}
