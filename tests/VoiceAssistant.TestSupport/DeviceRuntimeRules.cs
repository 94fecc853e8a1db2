using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace VoiceAssistant.TestSupport
{
    /// <summary>
    /// Finds constructs that compile against nanoFramework's mscorlib but fail on the device runtime or its
    /// MetadataProcessor: generic types/methods (definitions, instantiations, generic parameters in any
    /// signature), multi-dimensional arrays, <c>localloc</c> (stackalloc), non-abstract interface methods
    /// (default interface methods), and the attribute types C# 11 and later emit into every assembly.
    /// </summary>
    public static class DeviceRuntimeRules
    {
        /// <summary>Returns one human-readable line per violation found in the assembly file (empty when clean).</summary>
        /// <param name="assemblyPath">Path of a compiled assembly.</param>
        public static IReadOnlyList<string> Check(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            return Check(stream);
        }

        /// <summary>Returns one human-readable line per violation found in the assembly image.</summary>
        /// <param name="image">A stream holding a PE image.</param>
        public static IReadOnlyList<string> Check(Stream image)
        {
            using var pe = new PEReader(image);
            MetadataReader md = pe.GetMetadataReader();
            var violations = new List<string>();

            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(th);
                string typeName = FullName(md, type);
                if (typeName is "Microsoft.CodeAnalysis.EmbeddedAttribute" or "System.Runtime.CompilerServices.RefSafetyRulesAttribute")
                {
                    // On nanoCLR these extra types shift the interop assembly's native method slots (the checksum
                    // stays the same) and moved custom attributes to the next type.
                    violations.Add($"{typeName}: compiler-emitted type (C# 11 and later); build device assemblies with LangVersion 10");
                }

                if (type.GetGenericParameters().Count > 0)
                {
                    violations.Add($"{typeName}: generic type definition");
                }

                bool isInterface = (type.Attributes & TypeAttributes.Interface) != 0;
                foreach (FieldDefinitionHandle fh in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(fh);
                    Decode($"{typeName}.{md.GetString(field.Name)} (field)", violations, p => field.DecodeSignature(p, null));
                }

                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(mh);
                    string where = $"{typeName}.{md.GetString(method.Name)}";
                    if (method.GetGenericParameters().Count > 0)
                    {
                        violations.Add($"{where}: generic method definition");
                    }

                    if (isInterface && (method.Attributes & MethodAttributes.Abstract) == 0)
                    {
                        violations.Add($"{where}: non-abstract interface method (default interface method)");
                    }

                    Decode(where + " (signature)", violations, p => method.DecodeSignature(p, null));
                    if (method.RelativeVirtualAddress != 0)
                    {
                        MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                        if (!body.LocalSignature.IsNil)
                        {
                            StandaloneSignature locals = md.GetStandaloneSignature(body.LocalSignature);
                            Decode(where + " (locals)", violations, p => locals.DecodeLocalSignature(p, null));
                        }

                        ScanIl(md, body, where, violations);
                    }
                }
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                TypeSpecification spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                Decode($"type specification #{row}", violations, p => spec.DecodeSignature(p, null));
            }

            foreach (MemberReferenceHandle mrh in md.MemberReferences)
            {
                MemberReference member = md.GetMemberReference(mrh);
                string where = $"reference to {md.GetString(member.Name)}";
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    Decode(where, violations, p => member.DecodeMethodSignature(p, null));
                }
                else
                {
                    Decode(where, violations, p => member.DecodeFieldSignature(p, null));
                }
            }

            int methodSpecs = md.GetTableRowCount(TableIndex.MethodSpec);
            for (int row = 1; row <= methodSpecs; row++)
            {
                MethodSpecification spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                violations.Add($"generic method instantiation of {MethodName(md, spec.Method)}");
            }

            return violations.Distinct().ToList();
        }

        private static void Decode(string where, List<string> violations, Action<SignatureScanner> decode)
        {
            var scanner = new SignatureScanner();
            decode(scanner);
            foreach (string problem in scanner.Problems)
            {
                violations.Add($"{where}: {problem}");
            }
        }

        private static void ScanIl(MetadataReader md, MethodBodyBlock body, string where, List<string> violations)
        {
            BlobReader il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                int op = il.ReadByte();
                if (op == 0xFE)
                {
                    int op2 = il.ReadByte();
                    if (op2 == 0x0F)
                    {
                        violations.Add($"{where}: localloc (stackalloc)");
                    }

                    il.Offset += TwoByteOperandSize(op2);
                    continue;
                }

                if (op == 0x45)
                {
                    uint targets = il.ReadUInt32();
                    il.Offset += checked((int)targets * 4);
                    continue;
                }

                int size = OneByteOperandSize(op);
                if (size == 4 && IsTokenOperand(op))
                {
                    // The token's top byte is its table; 0x2B is MethodSpec (a generic method instantiation).
                    int token = il.ReadInt32();
                    if ((token >> 24) == (int)TableIndex.MethodSpec)
                    {
                        violations.Add($"{where}: calls generic method instantiation");
                    }

                    continue;
                }

                il.Offset += size;
            }
        }

        // Operand sizes of the ECMA-335 single-byte opcodes (III.1.2.1); 0x45 (switch) is handled apart.
        private static int OneByteOperandSize(int op)
        {
            if (op >= 0x0E && op <= 0x13) return 1;              // ldarg.s .. stloc.s
            if (op == 0x1F) return 1;                             // ldc.i4.s
            if (op == 0x20 || op == 0x22) return 4;               // ldc.i4, ldc.r4
            if (op == 0x21 || op == 0x23) return 8;               // ldc.i8, ldc.r8
            if (op >= 0x27 && op <= 0x29) return 4;               // jmp, call, calli
            if (op >= 0x2B && op <= 0x37) return 1;               // short branches
            if (op >= 0x38 && op <= 0x44) return 4;               // long branches
            if (op == 0x6F || (op >= 0x70 && op <= 0x75) || op == 0x79) return 4;
            if (op >= 0x7B && op <= 0x81) return 4;               // field access, stobj
            if (op == 0x8C || op == 0x8D || op == 0x8F) return 4; // box, newarr, ldelema
            if (op == 0xA3 || op == 0xA4 || op == 0xA5) return 4; // ldelem, stelem, unbox.any
            if (op == 0xC2 || op == 0xC6 || op == 0xD0) return 4; // refanyval, mkrefany, ldtoken
            if (op == 0xDD) return 4;                             // leave
            if (op == 0xDE) return 1;                             // leave.s
            return 0;
        }

        private static bool IsTokenOperand(int op)
        {
            return op != 0x20 && op != 0x22 && !(op >= 0x38 && op <= 0x44) && op != 0xDD;
        }

        private static int TwoByteOperandSize(int op2)
        {
            switch (op2)
            {
                case 0x06: case 0x07: case 0x15: case 0x16: case 0x1C: return 4; // ldftn, ldvirtftn, initobj, constrained, sizeof
                case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x0E: return 2; // ldarg .. stloc
                case 0x12: case 0x19: return 1; // unaligned., no.
                default: return 0;
            }
        }

        private static string FullName(MetadataReader md, TypeDefinition type)
        {
            string ns = md.GetString(type.Namespace);
            string name = md.GetString(type.Name);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static string MethodName(MetadataReader md, EntityHandle method)
        {
            return method.Kind switch
            {
                HandleKind.MethodDefinition => md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)method).Name),
                HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)method).Name),
                _ => method.Kind.ToString(),
            };
        }

        /// <summary>Decodes signatures to names while recording every construct the device cannot run.</summary>
        private sealed class SignatureScanner : ISignatureTypeProvider<string, object>
        {
            public List<string> Problems { get; } = new List<string>();

            public string GetArrayType(string elementType, ArrayShape shape)
            {
                Problems.Add($"multi-dimensional array {elementType}[{new string(',', shape.Rank - 1)}]");
                return elementType + "[,]";
            }

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
            {
                Problems.Add($"generic instantiation {genericType}<{string.Join(",", typeArguments)}>");
                return genericType;
            }

            public string GetGenericMethodParameter(object genericContext, int index)
            {
                Problems.Add("generic method parameter !!" + index);
                return "!!" + index;
            }

            public string GetGenericTypeParameter(object genericContext, int index)
            {
                Problems.Add("generic type parameter !" + index);
                return "!" + index;
            }

            public string GetByReferenceType(string elementType) => elementType + "&";

            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetPinnedType(string elementType) => elementType;

            public string GetPointerType(string elementType) => elementType + "*";

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
                => reader.GetString(reader.GetTypeDefinition(handle).Name);

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
                => reader.GetString(reader.GetTypeReference(handle).Name);

            public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
                => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
