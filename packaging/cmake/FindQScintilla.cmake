# SPDX-License-Identifier: GPL-3.0-or-later
# FindQScintilla: QScintilla for Qt 6, as the QScintilla::QScintilla target.
# Debian and Ubuntu (libqscintilla2-qt6-dev) ship no CMake package; Homebrew (qscintilla2)
# ships a framework or a plain library under the Qt prefix; vcpkg and a self-built QScintilla
# on Windows name the library qscintilla2_qt6 with a "d" suffix for Debug. This looks in all of
# them; QScintilla_ROOT or CMAKE_PREFIX_PATH point it at any other place.
#   QScintilla_FOUND, QScintilla_INCLUDE_DIR, QScintilla_LIBRARY, QScintilla_VERSION
include(FindPackageHandleStandardArgs)

set(_qsci_hints ${QT6_INSTALL_PREFIX})
if(DEFINED QT6_INSTALL_PREFIX AND DEFINED QT6_INSTALL_HEADERS)
    list(APPEND _qsci_hints ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS})
endif()
if(Qt6Core_INCLUDE_DIRS)
    foreach(_dir IN LISTS Qt6Core_INCLUDE_DIRS)
        list(APPEND _qsci_hints ${_dir}/..)
    endforeach()
endif()

find_path(QScintilla_INCLUDE_DIR Qsci/qsciscintilla.h
    HINTS ${_qsci_hints}
    PATHS /usr/include/x86_64-linux-gnu/qt6 /usr/include/aarch64-linux-gnu/qt6 /usr/include/qt6
          /opt/homebrew/include /usr/local/include
    PATH_SUFFIXES include include/qt6 qt6 lib/qscintilla2_qt6.framework/Headers)
find_library(QScintilla_LIBRARY_RELEASE
    NAMES qscintilla2_qt6 qscintilla2_qt6.15 libqscintilla2_qt6 qscintilla2_qt6_release
    HINTS ${_qsci_hints} PATH_SUFFIXES lib)
find_library(QScintilla_LIBRARY_DEBUG
    NAMES qscintilla2_qt6d libqscintilla2_qt6d
    HINTS ${_qsci_hints} PATH_SUFFIXES lib debug/lib)
if(WIN32) # the import library above; the DLL the programs load, for packaging
    find_file(QScintilla_DLL NAMES qscintilla2_qt6.dll HINTS ${_qsci_hints} PATH_SUFFIXES bin)
    mark_as_advanced(QScintilla_DLL)
endif()
include(SelectLibraryConfigurations)
select_library_configurations(QScintilla)

if(QScintilla_INCLUDE_DIR AND EXISTS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h")
    file(STRINGS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h" _qsci_version_line
         REGEX "^#define[ \t]+QSCINTILLA_VERSION_STR[ \t]+\"[^\"]+\"")
    string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" QScintilla_VERSION "${_qsci_version_line}")
endif()

find_package_handle_standard_args(QScintilla
    REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR
    VERSION_VAR QScintilla_VERSION)

if(QScintilla_FOUND AND NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla UNKNOWN IMPORTED GLOBAL)
    set_target_properties(QScintilla::QScintilla PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES ${QScintilla_INCLUDE_DIR}
        INTERFACE_LINK_LIBRARIES Qt6::Widgets)
    if(QScintilla_LIBRARY_RELEASE)
        set_property(TARGET QScintilla::QScintilla APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
        set_target_properties(QScintilla::QScintilla PROPERTIES
            IMPORTED_LOCATION_RELEASE ${QScintilla_LIBRARY_RELEASE})
    endif()
    if(QScintilla_LIBRARY_DEBUG)
        set_property(TARGET QScintilla::QScintilla APPEND PROPERTY IMPORTED_CONFIGURATIONS DEBUG)
        set_target_properties(QScintilla::QScintilla PROPERTIES
            IMPORTED_LOCATION_DEBUG ${QScintilla_LIBRARY_DEBUG})
    endif()
    set_target_properties(QScintilla::QScintilla PROPERTIES IMPORTED_LOCATION ${QScintilla_LIBRARY})
    # A Windows DLL build of QScintilla needs this to import its symbols.
    if(WIN32)
        set_target_properties(QScintilla::QScintilla PROPERTIES
            INTERFACE_COMPILE_DEFINITIONS QSCINTILLA_DLL)
    endif()
endif()
mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY_RELEASE QScintilla_LIBRARY_DEBUG)
