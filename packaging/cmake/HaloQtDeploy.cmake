# SPDX-License-Identifier: GPL-3.0-or-later
# halo_install_qt_runtime(TARGET): at install time, Qt's deployment tool (windeployqt or
# macdeployqt) copies the Qt libraries and plugins the target needs beside it. Windows and macOS
# only (packaging/windows, packaging/macos); Debian's package depends on Debian's Qt instead.
function(halo_install_qt_runtime target)
    if(NOT COMMAND qt_generate_deploy_app_script)
        message(WARNING "This Qt has no qt_generate_deploy_app_script: ${target} is packaged "
                        "without Qt's libraries")
        return()
    endif()
    if(QT_VERSION VERSION_GREATER_EQUAL 6.5)
        qt_generate_deploy_app_script(TARGET ${target} OUTPUT_SCRIPT deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET ${target} FILENAME_VARIABLE deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${deploy_script})
endfunction()
