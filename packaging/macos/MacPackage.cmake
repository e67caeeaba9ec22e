# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: Halo Explorer.app with halo-cli and halo-sandbox inside it, Qt's frameworks and plugins
# copied in by macdeployqt at install time, on a .dmg through CPack (DragNDrop). Included from
# packaging/CMakeLists.txt on APPLE. Build and package (Homebrew: brew install qt qtkeychain
# qscintilla2 ninja; Apple Silicon and Intel alike: the decoder's SSE2 code is x86-only and
# ARM64 takes its portable loops, which tst_resultdecoder_portable tests on Linux):
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$(brew --prefix qt)"
#   cmake --build build && cd build && cpack -G DragNDrop
# Not run on the project's own (Linux) machines: .github/workflows/windows-macos.yml builds it.

set_target_properties(halo-explorer PROPERTIES
    OUTPUT_NAME "Halo Explorer"
    MACOSX_BUNDLE_BUNDLE_NAME "Halo Explorer"
    MACOSX_BUNDLE_GUI_IDENTIFIER io.haloexplorer.HaloExplorer
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "Halo Explorer developers, GPL-3.0-or-later")

# The command-line programs are installed into the bundle (HALO_INSTALL_BINDIR, set in the top
# CMakeLists.txt), so macdeployqt points them at its frameworks; a user links them onto PATH
# (ln -s "/Applications/Halo Explorer.app/Contents/MacOS/halo-cli" /usr/local/bin/).

include(${PROJECT_SOURCE_DIR}/packaging/cmake/HaloQtDeploy.cmake)
halo_install_qt_runtime(halo-explorer)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/resources/legal/third-party-notices.txt
    DESTINATION "Halo Explorer.app/Contents/Resources")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Halo Explorer ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
