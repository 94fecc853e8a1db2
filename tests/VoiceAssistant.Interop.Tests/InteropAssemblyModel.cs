using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using VoiceAssistant.TestSupport;

namespace VoiceAssistant.Interop.Tests
{
    /// <summary>One method as the MetadataProcessor sees it.</summary>
    internal sealed record ModelMethod(string Name, bool IsStatic, bool IsVirtual, bool IsNative, bool IsInternalCall, string SafeName);

    /// <summary>One type with its methods in the MetadataProcessor's method order (virtual, instance, static).</summary>
    internal sealed record ModelType(string FullName, string SafeClassName, bool IncludedInStubs, IReadOnlyList<ModelMethod> Methods);

    /// <summary>
    /// Reads the nanoFramework build of VoiceAssistant.Interop (metadata only; it references nanoFramework's
    /// mscorlib, so it cannot be loaded) and models what the MetadataProcessor derives from it: types sorted by
    /// full name, methods ordered virtual/instance/static, native methods (no body, not abstract) and their
    /// "safe" names Method___STATIC__RET__P1... (rules from the docs' NativeMethodsChecksum algorithm).
    /// </summary>
    internal sealed class InteropAssemblyModel
    {
        private InteropAssemblyModel(string assemblyName, string nativeVersion, IReadOnlyList<ModelType> types)
        {
            AssemblyName = assemblyName;
            NativeVersion = nativeVersion;
            Types = types;
        }

        public string AssemblyName { get; }

        /// <summary>Value of [AssemblyNativeVersion], e.g. "1.0.0.0".</summary>
        public string NativeVersion { get; }

        /// <summary>Types sorted by full name (the MetadataProcessor's first ordering key).</summary>
        public IReadOnlyList<ModelType> Types { get; }

        public static string AssemblyPath()
        {
            string configuration = typeof(InteropAssemblyModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "BuildConfiguration").Value;
            return RepoPaths.Of($"firmware/VoiceAssistant.Interop.Nano/bin/{configuration}/netstandard2.0/VoiceAssistant.Interop.dll");
        }

        public static InteropAssemblyModel Load(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            string assemblyName = md.GetString(md.GetAssemblyDefinition().Name);
            var provider = new SafeTypeNameProvider();
            var types = new List<ModelType>();
            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(th);
                string fullName = FullName(md, t);
                if (fullName == "<Module>")
                {
                    continue;
                }

                var methods = new List<ModelMethod>();
                foreach (MethodDefinitionHandle mh in t.GetMethods())
                {
                    MethodDefinition m = md.GetMethodDefinition(mh);
                    string name = md.GetString(m.Name);
                    bool isStatic = (m.Attributes & MethodAttributes.Static) != 0;
                    bool isVirtual = (m.Attributes & MethodAttributes.Virtual) != 0;
                    bool isAbstract = (m.Attributes & MethodAttributes.Abstract) != 0;
                    bool isNative = m.RelativeVirtualAddress == 0 && !isAbstract;
                    bool internalCall = (m.ImplAttributes & MethodImplAttributes.InternalCall) != 0;
                    MethodSignature<string> sig = m.DecodeSignature(provider, null);
                    string safe = name + (isStatic ? "___STATIC__" : "___") + string.Join("__", new[] { sig.ReturnType }.Concat(sig.ParameterTypes));
                    methods.Add(new ModelMethod(name, isStatic, isVirtual, isNative, internalCall, safe.Replace(".", "_")));
                }

                // MetadataProcessor order inside a type: virtual, then other instance, then static methods.
                var ordered = methods.Where(x => x.IsVirtual)
                    .Concat(methods.Where(x => !x.IsVirtual && !x.IsStatic))
                    .Concat(methods.Where(x => !x.IsVirtual && x.IsStatic))
                    .ToList();
                string safeClass = fullName.Replace(".", "_").Replace("/", "_");
                types.Add(new ModelType(fullName, safeClass, IsStubbed(md, t), ordered));
            }

            types.Sort((a, b) => string.Compare(a.FullName, b.FullName, CultureInfo.InvariantCulture, CompareOptions.None));
            return new InteropAssemblyModel(assemblyName, NativeVersionOf(md), types);
        }

        /// <summary>The int constants (const fields) of a type, by field name.</summary>
        public static Dictionary<string, int> IntConstants(string path, string typeFullName)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(th);
                if (FullName(md, t) != typeFullName)
                {
                    continue;
                }

                foreach (FieldDefinitionHandle fh in t.GetFields())
                {
                    FieldDefinition f = md.GetFieldDefinition(fh);
                    ConstantHandle ch = f.GetDefaultValue();
                    if (ch.IsNil)
                    {
                        continue;
                    }

                    Constant c = md.GetConstant(ch);
                    if (c.TypeCode == ConstantTypeCode.Int32)
                    {
                        result[md.GetString(f.Name)] = md.GetBlobReader(c.Value).ReadInt32();
                    }
                }
            }

            return result;
        }

        // Classes and value types get stub slots; interfaces, enums and delegates do not.
        private static bool IsStubbed(MetadataReader md, TypeDefinition t)
        {
            if ((t.Attributes & TypeAttributes.Interface) != 0)
            {
                return false;
            }

            string baseName = BaseTypeName(md, t);
            return baseName != "System.Enum" && baseName != "System.MulticastDelegate" && baseName != "System.Delegate";
        }

        private static string BaseTypeName(MetadataReader md, TypeDefinition t)
        {
            if (t.BaseType.IsNil || t.BaseType.Kind != HandleKind.TypeReference)
            {
                return string.Empty;
            }

            TypeReference r = md.GetTypeReference((TypeReferenceHandle)t.BaseType);
            return md.GetString(r.Namespace) + "." + md.GetString(r.Name);
        }

        private static string FullName(MetadataReader md, TypeDefinition t)
        {
            string name = md.GetString(t.Name);
            if (t.IsNested)
            {
                return FullName(md, md.GetTypeDefinition(t.GetDeclaringType())) + "/" + name;
            }

            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static string NativeVersionOf(MetadataReader md)
        {
            foreach (CustomAttributeHandle h in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute a = md.GetCustomAttribute(h);
                if (a.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                MemberReference ctor = md.GetMemberReference((MemberReferenceHandle)a.Constructor);
                TypeReference type = md.GetTypeReference((TypeReferenceHandle)ctor.Parent);
                if (md.GetString(type.Name) != "AssemblyNativeVersionAttribute")
                {
                    continue;
                }

                BlobReader blob = md.GetBlobReader(a.Value);
                blob.ReadUInt16(); // prolog 0x0001
                return blob.ReadSerializedString();
            }

            return null;
        }

        // nanoCLR DATATYPE names, as the MetadataProcessor writes them in safe method names.
        private sealed class SafeTypeNameProvider : ISignatureTypeProvider<string, object>
        {
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
            {
                PrimitiveTypeCode.Void => "VOID",
                PrimitiveTypeCode.Boolean => "BOOLEAN",
                PrimitiveTypeCode.Char => "CHAR",
                PrimitiveTypeCode.SByte => "I1",
                PrimitiveTypeCode.Byte => "U1",
                PrimitiveTypeCode.Int16 => "I2",
                PrimitiveTypeCode.UInt16 => "U2",
                PrimitiveTypeCode.Int32 => "I4",
                PrimitiveTypeCode.UInt32 => "U4",
                PrimitiveTypeCode.Int64 => "I8",
                PrimitiveTypeCode.UInt64 => "U8",
                PrimitiveTypeCode.Single => "R4",
                PrimitiveTypeCode.Double => "R8",
                PrimitiveTypeCode.String => "STRING",
                PrimitiveTypeCode.Object => "OBJECT",
                _ => "UNSUPPORTED_" + typeCode,
            };

            public string GetSZArrayType(string elementType) => "SZARRAY_" + elementType;

            public string GetByReferenceType(string elementType) => "BYREF_" + elementType;

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                TypeDefinition t = reader.GetTypeDefinition(handle);
                return (reader.GetString(t.Namespace) + reader.GetString(t.Name)).Replace(".", string.Empty);
            }

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                TypeReference t = reader.GetTypeReference(handle);
                return (reader.GetString(t.Namespace) + reader.GetString(t.Name)).Replace(".", string.Empty);
            }

            public string GetArrayType(string elementType, ArrayShape shape) => "UNSUPPORTED_MDARRAY";

            public string GetFunctionPointerType(MethodSignature<string> signature) => "UNSUPPORTED_FNPTR";

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => "UNSUPPORTED_GENERIC";

            public string GetGenericMethodParameter(object genericContext, int index) => "GENERICTYPE";

            public string GetGenericTypeParameter(object genericContext, int index) => "GENERICTYPE";

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetPinnedType(string elementType) => elementType;

            public string GetPointerType(string elementType) => "UNSUPPORTED_PTR";

            public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "UNSUPPORTED_TYPESPEC";
        }
    }
}
