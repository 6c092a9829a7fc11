namespace Dormant.Core.Accounts;

public static class ProductKey
{
    /// <summary>
    /// Whether evidence for <paramref name="product"/> counts for the <paramref name="wanted"/> product
    /// (null wants any). A vendor may key one product both as "name" and "name.variant" over time.
    /// </summary>
    public static bool Matches(string? wanted, string? product)
    {
        if (wanted is null) return true;
        if (product is null) return false;
        return product.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || product.StartsWith(wanted + ".", StringComparison.OrdinalIgnoreCase);
    }
}
