namespace NanoApiShims
{
    /// <summary>Every shim member throws this: the shims exist only so CI can compile against the real API surface.</summary>
    public sealed class CompileOnlyShimException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public CompileOnlyShimException() : base("compile-only API shim: never run; deploy with the real nanoFramework packages")
        {
        }
    }
}
