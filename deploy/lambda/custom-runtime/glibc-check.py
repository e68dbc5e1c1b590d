#!/usr/bin/env python3
"""Checks that the native code the custom runtime ships runs on Lambda's provided.al2023: every ELF file
under the given paths is for x86-64 (the template's architecture), and the glibc symbol versions it needs
(its .gnu.version_r entries for libc, libm, libpthread, ...: GLIBC_2.x) are no newer than MAX (Amazon Linux
2023 has glibc 2.34). jlink copies the build host's JDK, so a JDK built against a newer glibc would
load nowhere on Lambda. Prints the newest version needed; exits 1 naming each file over the limit.

    glibc-check.py MAX PATH...        e.g. glibc-check.py 2.34 target/lambda-custom/task
"""
import os
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
EM_X86_64 = 62


def version(text):
    return tuple(int(part) for part in text.split("."))


def needed_glibc(path):
    """(machine, {GLIBC_x.y versions needed}) of an ELF file, or None if it is not one."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF":
        return None
    if data[4] != 2 or data[5] != 1:
        raise SystemExit(f"{path}: not a 64-bit little-endian ELF file, which Lambda's x86_64 cannot load")
    machine = struct.unpack_from("<H", data, 18)[0]
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    versions = set()
    for _name, kind, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strings = sections[link][4]
        entry = offset
        for _ in range(info):
            _ver, count, _file, aux, following = struct.unpack_from("<HHIII", data, entry)
            at = entry + aux
            for _ in range(count):
                _hash, _vflags, _other, name, after = struct.unpack_from("<IHHII", data, at)
                text = data[strings + name:data.index(b"\0", strings + name)].decode()
                if text.startswith("GLIBC_") and text[6:7].isdigit():
                    versions.add(text[6:])
                at += after
            entry += following
    return machine, versions


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    limit, paths = sys.argv[1], sys.argv[2:]
    newest, files, refused = (0,), 0, []
    for root in paths:
        walk = [(root, [], [os.path.basename(root)])] if os.path.isfile(root) else os.walk(root)
        for folder, _dirs, names in walk:
            for name in names:
                path = root if os.path.isfile(root) else os.path.join(folder, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                found = needed_glibc(path)
                if found is None:
                    continue
                machine, versions = found
                files += 1
                if machine != EM_X86_64:
                    refused.append(f"{path}: built for machine {machine}, not x86-64")
                too_new = sorted((v for v in versions if version(v) > version(limit)), key=version)
                if too_new:
                    refused.append(f"{path}: needs GLIBC_{', GLIBC_'.join(too_new)}")
                newest = max([newest] + [version(v) for v in versions])
    if files == 0:
        raise SystemExit(f"no ELF file under {' '.join(paths)}")
    print(f"glibc check: {files} native files, x86-64, the newest glibc they need is "
          f"{'.'.join(map(str, newest))} (at most {limit})" if not refused else
          f"glibc check: {len(refused)} of {files} native files would not load on x86-64 with glibc {limit}:")
    for line in refused:
        print("  " + line)
    sys.exit(1 if refused else 0)


if __name__ == "__main__":
    main()
