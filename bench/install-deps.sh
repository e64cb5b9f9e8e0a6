#!/bin/sh
# Packages the benchmarks compare against or serve with (root, Debian).
set -e
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends sfeed newsboat nginx time util-linux python3 \
    openssl curl
