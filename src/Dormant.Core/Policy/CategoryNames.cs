namespace Dormant.Core.Policy;

public static class CategoryNames
{
    public static string ToWire(this Category c) => c switch
    {
        Category.Active => "active",
        Category.Inactive => "inactive",
        Category.NoActivityData => "no-activity-data",
        Category.AlreadyInactive => "already-inactive",
        Category.Excluded => "excluded",
        Category.Protected => "protected",
        _ => "error",
    };
}
