using System;
using NanoApiShims;

// Shim of nanoFramework.TestFramework (1.x, no generics), members used by tests/VoiceAssistant.Device.Tests.
namespace nanoFramework.TestFramework
{
    /// <summary>Shim.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>Shim.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Shim.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Shim.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>Shim.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        /// <summary>Shim.</summary>
        /// <param name="data">Row values.</param>
        public DataRowAttribute(params object[] data)
        {
        }
    }

    /// <summary>Shim.</summary>
    public sealed class Assert
    {
        private Assert()
        {
        }

        /// <summary>Shim.</summary>
        public static void IsTrue(bool condition, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void IsFalse(bool condition, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void AreEqual(int expected, int actual, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void AreEqual(string expected, string actual, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void IsNull(object value, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void IsNotNull(object value, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "") { throw new CompileOnlyShimException(); }

        /// <summary>Shim.</summary>
        public static void SkipTest(string message = "") { throw new CompileOnlyShimException(); }
    }

    /// <summary>Shim.</summary>
    public static class CollectionAssert
    {
        /// <summary>Shim.</summary>
        public static void AreEqual(Array expected, Array actual, string message = "") { throw new CompileOnlyShimException(); }
    }

    /// <summary>Shim.</summary>
    public static class OutputHelper
    {
        /// <summary>Shim.</summary>
        public static void WriteLine(string message) { throw new CompileOnlyShimException(); }
    }
}
