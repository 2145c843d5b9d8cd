#!/bin/sh
# Regenerates Sources/RunLogs/Proto/tensorboard_event.pb.swift from tensorboard_event.proto.
# The generated file is committed: building dlplot needs neither protoc nor the plugin.
# Needs protoc (Debian: protobuf-compiler) and protoc-gen-swift built from apple/swift-protobuf at the
# version Package.swift names (swift build -c release --product protoc-gen-swift in a checkout of it);
# pass its path as PROTOC_GEN_SWIFT or put it on PATH.
set -eu
cd "$(dirname "$0")/../Sources/RunLogs/Proto"
PLUGIN=${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift)}
protoc --plugin=protoc-gen-swift="$PLUGIN" --swift_out=. tensorboard_event.proto
echo "wrote $(pwd)/tensorboard_event.pb.swift"
