/*
 * holdopen FILE FLAG: opens FILE with share mode 0, as Word holds a document it has open,
 * prints "held" once it does, and keeps it open until the file FLAG exists. Used by
 * tests/windows.rs to rebuild under Wine while a document is locked.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -s -municode -o holdopen.exe holdopen.c
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fwprintf(stderr, L"usage: holdopen FILE FLAG\n");
        return 2;
    }
    HANDLE file = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"holdopen: cannot open %ls (error %lu)\n", argv[1], GetLastError());
        return 1;
    }
    printf("held\n");
    fflush(stdout);
    /* At most ten minutes, so that a failed test never leaves it running. */
    for (int waited = 0; waited < 6000; waited++) {
        if (GetFileAttributesW(argv[2]) != INVALID_FILE_ATTRIBUTES)
            break;
        Sleep(100);
    }
    CloseHandle(file);
    return 0;
}
