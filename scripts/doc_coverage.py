#!/usr/bin/env python3
"""Counts the public declarations of a Swift source folder and how many have a doc comment.

Usage: scripts/doc_coverage.py [FOLDER] [--list]   (FOLDER defaults to Sources/Viz)

A public declaration is a line declaring something `public` or `open` (types, functions, initializers,
properties, subscripts, type aliases; `public extension` lines are not declarations). It is documented
when the lines just above it (attributes such as `@inlinable` skipped) end a `///` or `/** */` comment.
A member that implements a requirement of a documented protocol (`Mark.draw(in:)`, `Mark.zOrder`,
`CustomStringConvertible.description`, …) inherits that requirement's documentation, as DocC shows it:
it is counted apart, neither as documented nor as missing. With --list, the undocumented ones are
printed as FILE:LINE: text.
"""
import os
import re
import sys

DECL = re.compile(r'^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?!extension\b)[\w@]')
# Requirements of Mark and SideGuide (in marks and guides), of DrawingBackend (in backends) and of the
# standard library's CustomStringConvertible (anywhere).
MARK = r'zOrder|dataBounds|legendEntries|occupiedPoints|occupiedRects|draw|textGivesWay|isDataInk|textKind|' \
       r'movableTextBox|movableTextShifts|placesTextAroundOthers|textPriority|clipsToPlot|width'
BACKEND = r'size|save|restore|translate|rotate|clip|paint|stroke|fill|drawImage|measure|drawText|beginElement|endElement'
REQUIREMENTS = [
    (lambda name: 'Mark' in name or 'Guide' in name or 'Colorbar' in name, re.compile(rf'\b(?:var|func)\s+(?:{MARK})\b')),
    (lambda name: 'Backend' in name, re.compile(rf'\b(?:var|let|func)\s+(?:{BACKEND})\b')),
    (lambda name: True, re.compile(r'\bvar\s+description\b')),
]
ATTRIBUTE = re.compile(r'^\s*@[\w.]+(?:\([^)]*\))?\s*$')


def scan(folder):
    total, documented, inherited, missing = 0, 0, 0, []
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if not name.endswith('.swift'):
                continue
            path = os.path.join(root, name)
            lines = open(path, encoding='utf-8').read().split('\n')
            for i, line in enumerate(lines):
                if not DECL.match(line):
                    continue
                total += 1
                j = i - 1
                while j >= 0 and ATTRIBUTE.match(lines[j]):
                    j -= 1
                above = lines[j].strip() if j >= 0 else ''
                if above.startswith('///') or above.endswith('*/'):
                    documented += 1
                elif any(applies(name) and pattern.search(line) for applies, pattern in REQUIREMENTS):
                    inherited += 1
                else:
                    missing.append(f'{path}:{i + 1}: {line.strip()}')
    return total, documented, inherited, missing


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    folder = args[0] if args else 'Sources/Viz'
    total, documented, inherited, missing = scan(folder)
    if '--list' in sys.argv:
        print('\n'.join(missing))
    print(f'{folder}: {total} public declarations, {documented} with a doc comment, {inherited} implementing a documented '
          f'protocol requirement, {len(missing)} without')


if __name__ == '__main__':
    main()
