# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: an installer (NSIS) and a zip through CPack, with Qt's DLLs and plugins copied next to
# the programs by windeployqt at install time. Included from packaging/CMakeLists.txt on WIN32.
# Build and package (Qt 6.5 or newer from the Qt installer or vcpkg, MSVC 2019 or newer):
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=C:/Qt/6.8.0/msvc2022_64
#   cmake --build build && cd build && cpack -G NSIS   (or -G ZIP; NSIS must be on PATH)
# Not run on the project's own (Linux) machines: .github/workflows/windows-macos.yml builds it.

# windeployqt for the window: Qt's DLLs, the platform, style, image-format (SVG), SQL (SQLite,
# for the embedded sandbox) and TLS plugins. halo-cli and halo-sandbox use a subset of the same.
include(${PROJECT_SOURCE_DIR}/packaging/cmake/HaloQtDeploy.cmake)
halo_install_qt_runtime(halo-explorer)

# DLLs that are not Qt's (QtKeychain, QScintilla) are not windeployqt's business.
install(FILES $<TARGET_RUNTIME_DLLS:halo-explorer> DESTINATION ${CMAKE_INSTALL_BINDIR}
    OPTIONAL)
if(QScintilla_DLL)
    install(FILES ${QScintilla_DLL} DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/resources/legal/third-party-notices.txt
    DESTINATION .)

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Halo Explorer")
set(CPACK_PACKAGE_EXECUTABLES halo-explorer "Halo Explorer")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_NSIS_DISPLAY_NAME "Halo Explorer ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Halo Explorer")
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\halo-explorer.exe)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN halo-explorer.exe)
# halo-cli on PATH when the user agrees (the installer asks).
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
