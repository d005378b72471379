; ApprovalMax Connect: additions to electron-builder's NSIS uninstaller (nsis.include).
; The uninstaller offers to remove the app's data folder and says plainly that the sign-in keys and
; tokens stay in Windows Credential Manager. It asks nothing when an update replaces the app
; (--updated) or when IT uninstalls silently (/S); IT can add --delete-app-data to remove the folder.

!macro customUnInstall
  ${ifNot} ${isUpdated}
    ClearErrors
    ${GetParameters} $R0
    ${GetOptions} $R0 "/S" $R1
    ${if} ${Errors}
      ; No /SD default on purpose: the one-click uninstaller runs its section in silent mode, and
      ; this question must still be shown to the person who started the uninstall.
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Also remove your ApprovalMax Connect settings from this computer?$\r$\n$\r$\nThis deletes the folder $APPDATA\${PRODUCT_NAME}: your environments, the list of connected organisations, the logs and any settings file from your IT team. Choose No to keep them for a later reinstall.$\r$\n$\r$\nSign-in keys and tokens are not removed: they stay in Windows Credential Manager under $\"ApprovalMax Connect$\". To remove them, disconnect each organisation in the app before uninstalling, or delete those entries in Credential Manager." IDNO amcKeepAppData
        RMDir /r "$APPDATA\${PRODUCT_NAME}"
      amcKeepAppData:
    ${endIf}
  ${endIf}
!macroend
