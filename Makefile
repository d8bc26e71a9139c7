# Release build and install for a worker box: `make install PREFIX=/usr/local` (DESTDIR for staging).
# The binary links the Swift runtime and Foundation statically, so the box needs only libpq5 and
# libncursesw6 (deploy/debian/build-deb.sh packages the same files).
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
RELEASE_BINARY := .build/release/gaffer

.PHONY: release install uninstall deb

release:
	$(SWIFT) build -c release --static-swift-stdlib --product gaffer

install: release
	deploy/install.sh "$(RELEASE_BINARY)" "$(DESTDIR)$(PREFIX)"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/gaffer" "$(DESTDIR)$(PREFIX)/share/man/man1/gaffer.1"
	rm -rf "$(DESTDIR)$(PREFIX)/share/gaffer"

deb: release
	deploy/debian/build-deb.sh "$(RELEASE_BINARY)" .build/deb
