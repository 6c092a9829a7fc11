namespace Dormant.Core; internal static class Placeholder { }
