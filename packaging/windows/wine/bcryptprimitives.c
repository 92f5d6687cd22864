/*
 * A stand-in for Windows' bcryptprimitives.dll, for running xeploai.exe under Wine only.
 *
 * Rust's standard library gets its random numbers (HashMap seeds) from ProcessPrng in
 * bcryptprimitives.dll, which every Windows since 10 has but Debian's Wine 8 lacks, so
 * the executable would not even start. This DLL gives ProcessPrng from RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. It is never shipped in the package: on
 * Windows a copy beside the executable would shadow the system's own DLL.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c
 */
#include <windows.h>

/* advapi32's SystemFunction036, known as RtlGenRandom. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a 32-bit length: fill larger requests in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
