/* Web editor (/admin/): Vietnamese for the words Decap CMS's own "vi" locale
   lacks (about a third in Decap 3.16: "Add …", "Group by", the Markdown
   toolbar…), which it would otherwise show in English. Loaded right after
   decap-cms.js, before the editor reads its configuration; a word Decap
   translates itself is kept as Decap has it. */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || !CMS.getLocale || !CMS.registerLocale) return;

  var missing = {
    collection: {
      collectionTop: { viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" },
      entries: { unpublishedHeader: "Bài chưa công bố" },
      groups: { other: "Khác", negateLabel: "Không phải %{label}" }
    },
    editor: {
      editorControl: { field: { widgetLabel: "Trường %{widgetLabel}" } },
      editorInterface: { togglePreview: "Bật, tắt phần xem trước", toggleScrollSync: "Cuộn cùng nhau" },
      editorWidgets: {
        markdown: {
          bold: "Chữ đậm", italic: "Chữ nghiêng", strikethrough: "Gạch ngang", code: "Mã", link: "Liên kết",
          linkPrompt: "Nhập địa chỉ của liên kết", headings: "Đề mục", quote: "Trích dẫn",
          bulletedList: "Danh sách gạch đầu dòng", numberedList: "Danh sách đánh số", addComponent: "Chèn thêm",
          toggleMode: { rich: "Chuyển sang văn bản định dạng", markdown: "Chuyển sang Markdown" }
        },
        image: {
          chooseMultiple: "Chọn ảnh", chooseUrl: "Chèn ảnh từ địa chỉ web", replaceUrl: "Thay bằng ảnh từ địa chỉ web",
          promptUrl: "Nhập địa chỉ web của ảnh", addMore: "Thêm ảnh", removeAll: "Bỏ tất cả ảnh"
        },
        file: {
          chooseMultiple: "Chọn tệp", chooseUrl: "Chèn tệp từ địa chỉ web", replaceUrl: "Thay bằng tệp từ địa chỉ web",
          promptUrl: "Nhập địa chỉ web của tệp", addMore: "Thêm tệp", removeAll: "Bỏ tất cả tệp"
        },
        datetime: { setToNow: "Đặt %{fieldLabel} là lúc này" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" }
      }
    },
    mediaLibrary: {
      mediaLibraryCard: {
        copy: "Sao chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn", copyName: "Chép tên", copied: "Đã chép"
      },
      mediaLibraryModal: { close: "Đóng" }
    },
    ui: { settingsDropdown: { account: "Tài khoản" } }
  };

  // Decap's own wording that would mislead here: its notice for a blank required field is
  // shown for every problem the form finds (decap-widgets.js).
  var replaced = {
    ui: { toast: { missingRequiredField: "Có trường chưa hợp lệ hoặc còn thiếu (lời nhắn màu đỏ ngay tại trường đó). " +
      "Hãy sửa trước khi lưu; bài chưa được lưu." } }
  };

  function fill(phrases, more, replace) {
    Object.keys(more).forEach(function (key) {
      var value = more[key];
      if (value && typeof value === "object") {
        phrases[key] = fill(phrases[key] && typeof phrases[key] === "object" ? phrases[key] : {}, value, replace);
      } else if (replace || !(key in phrases)) {
        phrases[key] = value;
      }
    });
    return phrases;
  }

  CMS.registerLocale("vi", fill(fill(CMS.getLocale("vi") || {}, missing), replaced, true));
})();
